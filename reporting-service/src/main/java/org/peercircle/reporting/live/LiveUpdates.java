package org.peercircle.reporting.live;

import jakarta.enterprise.context.ApplicationScoped;

/** Tells open dashboards that the read model changed (filled in by the live-update feature). */
@ApplicationScoped
public class LiveUpdates {

    /** Called in the consumer's transaction after an event changed the read model. */
    public void changed(String topic, String key) {
        // no subscribers yet
    }
}
