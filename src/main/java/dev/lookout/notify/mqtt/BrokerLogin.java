package dev.lookout.notify.mqtt;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A broker URL with the user name and password it may carry ({@code tcp://user:pass@host:1883}) taken out of it:
 * {@link MqttSettings} keeps credentials apart from the URL, which is what messages show. The password is
 * percent-decoded ({@code %40} is {@code @}). {@link #toString()} never shows it.
 *
 * @param url the URL without credentials
 * @param user the URL's user name, or null
 * @param password the URL's password, or null
 */
public record BrokerLogin(String url, String user, String password) {

    /**
     * Splits {@code url}. A URL without credentials, or one that is not a URL at all, comes back unchanged with no
     * user and password (the settings' own check then says what is wrong with it, credentials masked).
     */
    public static BrokerLogin of(String url) {
        if (url == null) {
            return new BrokerLogin(null, null, null);
        }
        String trimmed = url.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return new BrokerLogin(trimmed, null, null);
        }
        String info = uri.getUserInfo();
        String authority = uri.getRawAuthority();
        if (info == null || authority == null || uri.getScheme() == null) {
            return new BrokerLogin(trimmed, null, null);
        }
        int colon = info.indexOf(':');
        String user = colon < 0 ? info : info.substring(0, colon);
        String password = colon < 0 ? null : info.substring(colon + 1);
        String bare = uri.getScheme() + "://" + authority.substring(authority.lastIndexOf('@') + 1)
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
        return new BrokerLogin(bare, user.isEmpty() ? null : user, password);
    }

    @Override
    public String toString() {
        return "BrokerLogin[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
