package dev.lookout.config;

import dev.lookout.capture.FfmpegFrameSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * What a camera's {@code source:} names, decided without opening it (a camera index, a URL or a file), and the
 * checks of URLs written in the configuration. Messages about a URL quote at most its scheme: the URL itself may
 * hold a password in a form that no masking recognizes (an unencoded {@code #} or {@code @}).
 */
final class SourceSpecs {

    /** The schemes FFmpeg opens as camera streams. */
    static final Set<String> STREAM_SCHEMES =
            Set.of("rtsp", "rtsps", "rtmp", "rtmps", "http", "https", "udp", "tcp", "srt");

    private SourceSpecs() {
    }

    /** True for {@code 0}..{@code 999} and {@code /dev/videoN}: a local camera. */
    static boolean isCamera(String spec) {
        String s = spec.strip();
        return s.matches("\\d{1,3}") || s.matches("/dev/video\\d{1,3}");
    }

    /** True for {@code scheme://...} (but not {@code file:}). */
    static boolean isUrl(String spec) {
        return FfmpegFrameSource.isUrl(spec.strip());
    }

    /** True when the spec names a file or folder (plain path or {@code file:} URL). */
    static boolean isFile(String spec) {
        return !isCamera(spec) && !isUrl(spec);
    }

    /** A file spec as a path, relative ones resolved against the folder of {@code configFile}. */
    static Path resolve(String spec, Path configFile) {
        String s = spec.strip();
        Path path = s.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(s)) : Path.of(s);
        return configFile.toAbsolutePath().getParent().resolve(path).normalize();
    }

    /**
     * Checks a URL: one of {@code schemes}, well formed, with a host and a valid port. Registers its password as a
     * secret first. Returns the URL, or null after reporting the problem at {@code at}.
     */
    static URI checkUrl(String text, Set<String> schemes, String expected, YamlNode at, String path,
            Problems problems) {
        registerPassword(text, problems);
        String t = text.strip();
        int colon = t.indexOf("://");
        String scheme = colon > 0 ? t.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        if (!schemes.contains(scheme)) {
            problems.at(at, path + ": expected " + expected + (scheme.isEmpty() || !scheme.matches("[a-z][a-z0-9+.-]*")
                    ? ", found no URL scheme" : ", found scheme '" + scheme + "://'"));
            return null;
        }
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            problems.at(at, path + ": not a valid URL (" + e.getReason() + ")" + ENCODING_HINT);
            return null;
        }
        if (uri.getHost() == null) {
            problems.at(at, path + ": the URL has no valid host" + ENCODING_HINT);
            return null;
        }
        if (uri.getPort() > 65535) {
            problems.at(at, path + ": port " + uri.getPort() + " is outside 1..65535");
            return null;
        }
        return uri;
    }

    private static final String ENCODING_HINT = "; in a user name or password, write @ # / ? : and spaces "
            + "percent-encoded (%40 %23 %2F %3F %3A %20)";

    /** Registers the password of {@code scheme://user:password@host} even when the URL is malformed. */
    private static void registerPassword(String text, Problems problems) {
        int start = text.indexOf("://");
        if (start < 0) {
            return;
        }
        int at = text.lastIndexOf('@');
        if (at > start) {
            String userInfo = text.substring(start + 3, at);
            int colon = userInfo.indexOf(':');
            problems.secret(colon >= 0 ? userInfo.substring(colon + 1) : userInfo);
        }
    }
}
