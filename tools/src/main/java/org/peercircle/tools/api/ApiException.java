package org.peercircle.tools.api;

/** A service answered with an error status; the problem+json body says why. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String body;

    public ApiException(String method, String url, int status, String body) {
        super(method + " " + url + " answered " + status + ": " + body);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    /** True when the answer has this status and its body mentions {@code text} (a problem member or value). */
    public boolean is(int status, String text) {
        return this.status == status && (text == null || body.contains(text));
    }
}
