package org.peercircle.tools.demo;

import java.io.PrintStream;

import org.peercircle.tools.api.PeerCircle;
import org.peercircle.tools.api.Tokens;
import org.peercircle.tools.synthetic.Synthetic;

/** What every part of the demo works with; one seeded {@link Synthetic} keeps the whole demo reproducible. */
record DemoContext(PeerCircle pc, Tokens tokens, Synthetic people, PrintStream log) {
}
