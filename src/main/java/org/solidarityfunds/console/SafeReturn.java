package org.solidarityfunds.console;

import java.util.regex.Pattern;

/**
 * Where the console may send a user back to after signing in or switching language: a path
 * of the console itself, never another host (no open redirect).
 */
public final class SafeReturn {

    static final int LENGTH_MAX = 500;
    // A path under the console, with an optional query: no scheme, no "//", no backslash, no control character.
    private static final Pattern CONSOLE_PATH = Pattern.compile(
            Pattern.quote(HomePage.ROOT) + "(/[A-Za-z0-9._~%!$&'()*+,;=:@-]*)*(\\?[A-Za-z0-9._~%!$&'()*+,;=:@/?-]*)?");

    private SafeReturn() {
    }

    /** The path if it is one of the console's own, the console's home otherwise. */
    public static String of(String path) {
        if (path == null || path.length() > LENGTH_MAX || path.contains("//")
                || !CONSOLE_PATH.matcher(path).matches()) {
            return HomePage.ROOT;
        }
        return path;
    }
}
