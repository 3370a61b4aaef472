package dev.lookout.capture;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in URLs before they reach a screen, a log or an exception message: the user-info part
 * ({@code rtsp://user:pass@host/} becomes {@code rtsp://***@host/}) and the values of query parameters that
 * usually carry secrets ({@code ?token=...}, {@code &password=...}).
 */
public final class UrlRedaction {

    /** What replaces a secret. */
    public static final String MASK = "***";

    // scheme://userinfo@ — userinfo may hold anything but '/', '?', '#' and whitespace; take up to the LAST '@'
    // before the host so a password containing '@' is masked whole.
    private static final Pattern USER_INFO =
            Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)([^/?#\\s\"']*)@");
    private static final Pattern SECRET_QUERY = Pattern.compile(
            "([?&;](?:password|passwd|pass|pwd|user|username|token|access_token|auth|key|apikey|api_key|secret"
                    + "|signature|sig)=)([^&#\\s\"']*)",
            Pattern.CASE_INSENSITIVE);

    private UrlRedaction() {
    }

    /**
     * Returns {@code text} with every credential of every URL in it masked; any text may be passed (an error
     * message that quotes a URL, a log line), and text without URLs comes back unchanged. {@code null} stays null.
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher userInfo = USER_INFO.matcher(text);
        String masked = userInfo.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        Matcher query = SECRET_QUERY.matcher(masked);
        return query.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }

    /** True if {@code text} holds a credential that {@link #redact} would mask. */
    public static boolean hasCredentials(String text) {
        return text != null && !text.equals(redact(text));
    }
}
