package org.peercircle.assessment.group;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;

/**
 * The social worker's to-do list for a group: which members still lack a PRE or a POST score. Members are those
 * enrolled according to session-events, plus anyone with a form recorded in the group who has not withdrawn from
 * it; erased people are left out. The instruments considered are those asked for, or else every instrument
 * already used for PRE or POST in the group.
 */
@ApplicationScoped
public class AssessmentStatus {

    @Inject
    EntityManager em;

    @Inject
    GroupRoster roster;

    @Inject
    Caller caller;

    @Schema(name = "GroupAssessmentStatus")
    public record Status(
            UUID groupId,
            UUID centreId,
            @Schema(examples = "[\"UCLA-3\", \"GSE-10\"]") Set<String> instruments,
            List<Member> members,
            @Schema(description = "Members lacking a PRE score on at least one instrument") List<UUID> lackingPre,
            @Schema(description = "Members lacking a POST score on at least one instrument") List<UUID> lackingPost) {
    }

    @Schema(name = "GroupMemberAssessmentStatus")
    public record Member(
            UUID participantId,
            @Schema(description = "Enrolled according to session-events") boolean enrolled,
            Set<String> pre,
            Set<String> post,
            Set<String> missingPre,
            Set<String> missingPost) {
    }

    @Transactional
    public Status of(UUID groupId, List<String> instruments) {
        UUID centre = roster.centreOf(groupId).orElseThrow(() -> ProblemException.notFound("group", groupId));
        caller.requireCentre(centre, "group", groupId);

        Map<UUID, Boolean> members = new LinkedHashMap<>();
        for (Object[] row : rows("""
                SELECT m.participant_id, m.enrolled FROM group_member m
                WHERE m.group_id = ?1 AND m.enrolled
                  AND NOT EXISTS (SELECT 1 FROM participant_directory d WHERE d.participant_id = m.participant_id AND d.erased)
                UNION
                SELECT DISTINCT a.participant_id, false FROM administration a
                WHERE a.group_id = ?1
                  AND NOT EXISTS (SELECT 1 FROM group_member m WHERE m.group_id = ?1 AND m.participant_id = a.participant_id)
                ORDER BY 1
                """, groupId)) {
            members.merge((UUID) row[0], (Boolean) row[1], Boolean::logicalOr);
        }
        Map<UUID, Set<String>> pre = new LinkedHashMap<>();
        Map<UUID, Set<String>> post = new LinkedHashMap<>();
        Set<String> used = new TreeSet<>();
        for (Object[] row : rows("""
                SELECT DISTINCT participant_id, instrument_code, phase FROM administration
                WHERE group_id = ?1 AND phase IN ('PRE', 'POST')
                """, groupId)) {
            Map<UUID, Set<String>> phase = "PRE".equals(row[2]) ? pre : post;
            phase.computeIfAbsent((UUID) row[0], id -> new TreeSet<>()).add((String) row[1]);
            used.add((String) row[1]);
        }
        Set<String> considered = instruments == null || instruments.isEmpty() ? used : new TreeSet<>(instruments);

        List<Member> status = new ArrayList<>();
        List<UUID> lackingPre = new ArrayList<>();
        List<UUID> lackingPost = new ArrayList<>();
        members.forEach((participant, enrolled) -> {
            Set<String> done = pre.getOrDefault(participant, Set.of());
            Set<String> after = post.getOrDefault(participant, Set.of());
            Set<String> missingPre = missing(considered, done);
            Set<String> missingPost = missing(considered, after);
            status.add(new Member(participant, enrolled, new TreeSet<>(done), new TreeSet<>(after), missingPre,
                    missingPost));
            if (!missingPre.isEmpty() || (considered.isEmpty() && done.isEmpty())) {
                lackingPre.add(participant);
            }
            if (!missingPost.isEmpty() || (considered.isEmpty() && after.isEmpty())) {
                lackingPost.add(participant);
            }
        });
        return new Status(groupId, centre, considered, status, lackingPre, lackingPost);
    }

    private static Set<String> missing(Set<String> considered, Set<String> done) {
        Set<String> missing = new TreeSet<>(considered);
        missing.removeAll(done);
        return missing;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID groupId) {
        return em.createNativeQuery(sql).setParameter(1, groupId).getResultList();
    }
}
