package org.peercircle.tools.api;

/** Base URLs of the four services. */
public record Endpoints(String participant, String session, String assessment, String reporting) {

    /** The local run's layout: services on base+1 … base+4 (deploy/local/env.sh). */
    public static Endpoints local(int portBase) {
        return new Endpoints("http://localhost:" + (portBase + 1), "http://localhost:" + (portBase + 2),
                "http://localhost:" + (portBase + 3), "http://localhost:" + (portBase + 4));
    }
}
