package dev.lookout.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UrlRedactionTest {

    @Test
    void masksUserAndPassword() {
        assertEquals("rtsp://***@10.0.0.7:554/stream1", UrlRedaction.redact("rtsp://admin:hunter2@10.0.0.7:554/stream1"));
        assertEquals("http://***@cam.local/video.mjpg", UrlRedaction.redact("http://viewer@cam.local/video.mjpg"));
    }

    @Test
    void masksPasswordsContainingAtSignsAndColons() {
        String redacted = UrlRedaction.redact("rtsp://admin:p@ss:w@rd@192.168.1.2/live");
        assertEquals("rtsp://***@192.168.1.2/live", redacted);
    }

    @Test
    void masksSecretQueryParametersButKeepsOthers() {
        assertEquals("https://cams.example/hls/index.m3u8?token=***&quality=hd",
                UrlRedaction.redact("https://cams.example/hls/index.m3u8?token=abc.def-123&quality=hd"));
        assertEquals("http://h/x?a=1&password=***", UrlRedaction.redact("http://h/x?a=1&password=letmein"));
    }

    @Test
    void masksUrlsInsideMessagesAndLeavesOtherTextAlone() {
        String message = "avformat_open_input() error -111: Could not open input \"rtsp://u:secret@h/live\". retry";
        String redacted = UrlRedaction.redact(message);
        assertEquals("avformat_open_input() error -111: Could not open input \"rtsp://***@h/live\". retry", redacted);
        assertEquals("/home/me/videos/clip@2x.mp4", UrlRedaction.redact("/home/me/videos/clip@2x.mp4"));
        assertEquals("rtsp://10.0.0.7/live", UrlRedaction.redact("rtsp://10.0.0.7/live"));
        assertEquals("mail me at me@example.org", UrlRedaction.redact("mail me at me@example.org"));
        assertNull(UrlRedaction.redact(null));
    }

    @Test
    void detectsCredentials() {
        assertTrue(UrlRedaction.hasCredentials("rtsp://a:b@h/"));
        assertFalse(UrlRedaction.hasCredentials("rtsp://h/"));
        assertEquals(UrlRedaction.redact("rtsp://***@h/"), "rtsp://***@h/", "idempotent");
    }
}
