package org.peercircle.assessment.instrument;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.peercircle.assessment.AdvisoryLocks;
import org.peercircle.assessment.scoring.Instrument;
import org.peercircle.assessment.scoring.InstrumentJson;

import io.quarkus.runtime.StartupEvent;

/**
 * Loads the instruments bundled under {@code instruments/} (listed in {@code index.txt}) into the library at
 * start-up. Idempotent: an identical stored version is left alone, so every replica and every restart may run it.
 * A bundled definition that differs from a stored, already used version stops the service: scoring a released
 * version differently would silently change results, so a changed key must ship as a new version.
 */
@ApplicationScoped
public class BuiltInInstruments {

    private static final Logger LOG = Logger.getLogger(BuiltInInstruments.class);
    static final String INDEX = "instruments/index.txt";
    static final String LOADED_BY = "built-in";

    @Inject
    EntityManager em;

    void onStart(@Observes StartupEvent ignored) {
        load();
    }

    @Transactional
    void load() {
        for (Instrument instrument : bundled()) {
            AdvisoryLocks.INSTRUMENT.lock(em, instrument.code());
            String canonical = InstrumentJson.write(instrument);
            var stored = StoredInstrument.find(instrument.code(), instrument.version());
            if (stored.isEmpty()) {
                StoredInstrument row = new StoredInstrument();
                row.code = instrument.code();
                row.version = instrument.version();
                row.definition = canonical;
                row.builtIn = true;
                row.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                row.createdBy = LOADED_BY;
                row.persist();
                LOG.infof("Loaded built-in instrument %s v%d", instrument.code(), instrument.version());
            } else if (!stored.get().definition.equals(canonical)) {
                StoredInstrument row = stored.get();
                if (!row.builtIn) {
                    LOG.warnf("%s v%d was defined by a coordinator before it was built in; keeping theirs",
                            instrument.code(), instrument.version());
                } else if (row.used()) {
                    throw new IllegalStateException(instrument.code() + " v" + instrument.version()
                            + " is in use but the bundled definition differs; ship the change as a new version");
                } else {
                    row.definition = canonical;
                    LOG.infof("Updated unused built-in instrument %s v%d", instrument.code(), instrument.version());
                }
            }
        }
    }

    /** Every bundled definition, read and checked as a coordinator's would be. */
    public static List<Instrument> bundled() {
        List<Instrument> instruments = new ArrayList<>();
        for (String line : resource(INDEX).split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            try {
                instruments.add(InstrumentJson.read(resource("instruments/" + name)));
            } catch (InstrumentJson.UnreadableDefinitionException e) {
                throw new IllegalStateException("bundled instrument " + name + " is invalid: " + e.violations(), e);
            }
        }
        return instruments;
    }

    private static String resource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = BuiltInInstruments.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
