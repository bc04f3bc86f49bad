package org.peercircle.participant.participant;

/** Phone numbers are stored and compared without separators: 020-12345678 and 02012345678 are one number. */
public final class Phones {

    private Phones() {
    }

    public static String normalise(String phone) {
        return phone == null ? null : phone.replace("-", "").replace(" ", "").strip();
    }
}
