package org.peercircle.session.group;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;

/**
 * Who may see a group: the one place for that rule, on top of {@link Caller}'s centre rule. Coordinators and
 * the city platform see every group; social workers the groups of their centres; facilitators only the groups
 * that list their token subject as a facilitator, and only within their centres; analysts none (they use
 * reporting). A group the caller may not see answers 404, like a group that does not exist.
 */
@RequestScoped
public class GroupAccess {

    @Inject
    Caller caller;

    public boolean canSee(SupportGroup group) {
        if (!caller.canSee(group.centreId)) {
            return false;
        }
        if (caller.hasRole(Roles.COORDINATOR) || caller.hasRole(Roles.INTEGRATION)
                || caller.hasRole(Roles.SOCIAL_WORKER)) {
            return true;
        }
        return caller.hasRole(Roles.FACILITATOR) && group.facilitators.contains(caller.subject());
    }

    /** The group, or 404 when it does not exist or the caller may not see it. */
    @Transactional(TxType.MANDATORY)
    public SupportGroup require(UUID groupId) {
        SupportGroup group = SupportGroup.findById(groupId);
        if (group == null || !canSee(group)) {
            throw ProblemException.notFound("group", groupId);
        }
        return group;
    }

    /**
     * The group with its row locked ({@code SELECT ... FOR UPDATE}) until the transaction ends: membership
     * changes of one group run one after another, so capacity and wait-list order hold under concurrency.
     */
    @Transactional(TxType.MANDATORY)
    public SupportGroup lock(UUID groupId) {
        SupportGroup group = SupportGroup.findForUpdate(groupId);
        if (group == null || !canSee(group)) {
            throw ProblemException.notFound("group", groupId);
        }
        return group;
    }

    /** Whether the caller may read the calendar of sessions led by {@code facilitator}. */
    public boolean canSeeFacilitator(String facilitator) {
        if (caller.hasRole(Roles.COORDINATOR) || caller.hasRole(Roles.INTEGRATION)
                || caller.hasRole(Roles.SOCIAL_WORKER)) {
            return true;
        }
        return caller.hasRole(Roles.FACILITATOR) && caller.subject().equals(facilitator);
    }

    /** A JPQL condition on {@code g} (a SupportGroup) selecting the groups the caller may see, with its parameters. */
    public Filter visibleGroups() {
        Map<String, Object> params = new HashMap<>();
        if (caller.hasRole(Roles.COORDINATOR) || caller.hasRole(Roles.INTEGRATION)) {
            return new Filter("true = true", params);
        }
        Set<UUID> centres = caller.centres();
        if (centres.isEmpty()) {
            return new Filter("false = true", params);
        }
        params.put("centres", centres);
        if (caller.hasRole(Roles.SOCIAL_WORKER)) {
            return new Filter("g.centreId in :centres", params);
        }
        if (caller.hasRole(Roles.FACILITATOR)) {
            params.put("subject", caller.subject());
            return new Filter("g.centreId in :centres and :subject member of g.facilitators", params);
        }
        return new Filter("false = true", Map.of());
    }

    public record Filter(String jpql, Map<String, Object> parameters) {
    }
}
