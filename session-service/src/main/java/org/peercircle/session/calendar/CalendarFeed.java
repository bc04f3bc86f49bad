package org.peercircle.session.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.peercircle.session.group.SupportGroup;
import org.peercircle.session.programme.Text;
import org.peercircle.session.schedule.GroupSession;
import org.peercircle.session.schedule.SessionStatus;

/**
 * RFC 5545 calendars of sessions, for subscription in common calendar apps. Each session is one VEVENT whose
 * UID is derived from the session id (stable across reschedules, so apps update the event in place), whose
 * SEQUENCE counts its reschedules and cancellation, with local times in the group's zone and a VTIMEZONE for
 * every zone used. A cancelled session stays in the feed with STATUS:CANCELLED so apps remove it. There is no
 * METHOD: this is a subscribed feed, not an iTIP message (METHOD:PUBLISH would require an ORGANIZER, and
 * facilitators are known here only by their token subject).
 */
@ApplicationScoped
public class CalendarFeed {

    static final String PRODUCT = "-//PeerCircle//session-service 1.0//ZH";
    static final String UID_DOMAIN = "@session.peercircle";

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** A session to show, with its group and how often it was changed. */
    public record Item(GroupSession session, SupportGroup group, int changes) {
    }

    public String render(String calendarName, List<Item> items) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", calendarName));
        Set<String> zoneIds = items.stream().map(i -> i.group().timeZone).collect(Collectors.toCollection(LinkedHashSet::new));
        if (zoneIds.size() == 1) {
            calendar.add(new XProperty("X-WR-TIMEZONE", zoneIds.iterator().next()));
        }
        for (String zoneId : zoneIds) {
            calendar.add(zones.getTimeZone(zoneId).getVTimeZone());
        }
        for (Item item : items) {
            calendar.add(event(item));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(Item item) {
        GroupSession s = item.session();
        SupportGroup g = item.group();
        var zone = g.zone();
        VEvent event = new VEvent(s.startsAt.atZone(zone), s.endsAt.atZone(zone), summary(s, g));
        event.add(new Uid(uid(s)));
        event.add(new Sequence(item.changes()));
        event.add(s.status == SessionStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (s.venue != null) {
            event.add(new Location(s.venue));
        }
        if (!s.objectives.isEmpty()) {
            event.add(new Description(s.objectives.stream().map(CalendarFeed::bilingual)
                    .collect(Collectors.joining("\n", "目标 Objectives:\n", ""))));
        }
        return event;
    }

    public static String uid(GroupSession s) {
        return s.id + UID_DOMAIN;
    }

    private static String summary(GroupSession s, SupportGroup g) {
        return g.name + " · " + s.sequence + " " + bilingual(s.theme());
    }

    private static String bilingual(Text text) {
        return text.en() == null || text.en().isBlank() ? text.zh() : text.zh() + " / " + text.en();
    }
}
