package org.peercircle.system;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the shared {@link LocalRun} when the JUnit launcher session closes, that is after the last test and
 * before failsafe's fork JVM exits. Stopping it from a shutdown hook instead kept the fork alive past failsafe's
 * 30-second exit limit ("Surefire is going to kill self fork JVM"), which then killed {@code down.sh} half-way.
 * Registered in {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public class StopTheSharedRun implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        LocalRun.stopShared();
    }
}
