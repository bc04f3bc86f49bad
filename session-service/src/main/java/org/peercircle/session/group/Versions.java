package org.peercircle.session.group;

import org.peercircle.platform.problem.ProblemException;

/** Optimistic concurrency on writes: the client sends the version it read; a stale one answers 409. */
public final class Versions {

    private Versions() {
    }

    public static void require(Long sent, long current, String kind) {
        if (sent == null) {
            throw ProblemException.invalid("version", "is required: send the version of the " + kind + " you read");
        }
        if (sent != current) {
            throw ProblemException.conflict("The " + kind + " was changed by someone else (version " + current
                    + ", you sent " + sent + "); reload it and apply your change again")
                    .with("currentVersion", current);
        }
    }
}
