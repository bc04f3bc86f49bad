package org.peercircle.tools.demo;

import java.util.List;
import java.util.UUID;

/** A group the demo made: its id, name, how many members finished it, and the instruments given PRE and POST. */
public record DemoGroup(UUID id, String name, int members, List<String> instruments) {
}
