package dev.lookout.cli;

import dev.lookout.notify.mqtt.BrokerLogin;
import dev.lookout.notify.mqtt.MqttSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The user name and password for an MQTT broker given on the command line ({@code live --remote-events},
 * {@code remote-events}). A password is never an argument of its own, which {@code ps} would show to every user:
 * it comes from a file ({@code --mqtt-password-file}), from a named environment variable
 * ({@code --mqtt-password-env}) or, by default, from {@value #PASSWORD_VARIABLE}. A password written in the broker's
 * URL ({@code tcp://user:pass@host}) is accepted with a warning (the URL is visible in {@code ps}) and, like every
 * password, never printed.
 */
final class MqttLoginOptions {

    /** The environment variable read for the password when no other source names one. */
    static final String PASSWORD_VARIABLE = "LOOKOUT_MQTT_PASSWORD";
    /** The longest password line read from a file. */
    static final int MAX_PASSWORD_CHARS = 4096;

    @Option(names = "--mqtt-user", paramLabel = "USER", description = "the MQTT broker's user name (also "
            + "tcp://USER@HOST)")
    String user;

    @Option(names = "--mqtt-password-file", paramLabel = "FILE", description = "read the broker's password from "
            + "the first line of FILE (else from $" + PASSWORD_VARIABLE + "; never an argument, which ps shows)")
    Path passwordFile;

    @Option(names = "--mqtt-password-env", paramLabel = "VAR", description = "read the broker's password from the "
            + "environment variable VAR (default " + PASSWORD_VARIABLE + ")")
    String passwordEnv;

    /** Reads environment variables (tests give their own). */
    UnaryOperator<String> environment = System::getenv;

    /**
     * The subscriber's settings for the broker at {@code url} with the user and password these options give; a
     * bad value is a usage error naming the option at fault (never quoting a password).
     *
     * @param urlOption the option that gave {@code url}, for messages
     * @param warn hears one-line warnings (a password in the URL)
     */
    MqttSettings settings(String urlOption, String url, String node, String prefix, int protocol,
            Consumer<String> warn) throws UsageException {
        BrokerLogin login = BrokerLogin.of(url);
        String name = user != null ? user.strip() : login.user();
        if (name != null && name.isEmpty()) {
            throw new UsageException("--mqtt-user is empty: give the broker's user name");
        }
        List<String> given = new ArrayList<>();
        if (passwordFile != null) {
            given.add("--mqtt-password-file");
        }
        if (passwordEnv != null) {
            given.add("--mqtt-password-env");
        }
        if (login.password() != null) {
            given.add("the password in " + urlOption + "'s URL");
        }
        if (given.size() > 1) {
            throw new UsageException("the MQTT password is given twice (" + String.join(" and ", given)
                    + "): give it one way");
        }
        String password = password(login, urlOption, warn);
        if (password != null && name == null) {
            throw new UsageException("an MQTT password needs a user name: add --mqtt-user USER");
        }
        try {
            return new MqttSettings(login.url(), node, prefix, name, password, protocol, false);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("mqtt.url", urlOption)
                    .replace("mqtt.password", "the password").replace("mqtt.username", "--mqtt-user")
                    .replace("mqtt.", "--"));
        }
    }

    private String password(BrokerLogin login, String urlOption, Consumer<String> warn) throws UsageException {
        if (passwordFile != null) {
            return readPasswordFile();
        }
        if (passwordEnv != null) {
            String value = environment.apply(passwordEnv);
            if (value == null) {
                throw new UsageException("--mqtt-password-env " + passwordEnv + ": no such environment variable");
            }
            return value;
        }
        if (login.password() != null) {
            warn.accept(urlOption + ": the password in the URL is visible to other users (ps); put it in a file "
                    + "(--mqtt-password-file) or in $" + PASSWORD_VARIABLE + " instead");
            return login.password();
        }
        boolean named = user != null || login.user() != null;
        return named ? environment.apply(PASSWORD_VARIABLE) : null;
    }

    /**
     * The first line of the password file, read up to {@value #MAX_PASSWORD_CHARS} characters: a pipe
     * ({@code <(pass show broker)}) works, and a device or a huge file given by mistake is refused, not read to the end.
     */
    private String readPasswordFile() throws UsageException {
        StringBuilder line = new StringBuilder();
        try (java.io.Reader in = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
            for (int c = in.read(); c >= 0 && c != '\n' && c != '\r'; c = in.read()) {
                if (line.length() == MAX_PASSWORD_CHARS) {
                    throw new UsageException("--mqtt-password-file " + passwordFile + ": its first line is longer "
                            + "than " + MAX_PASSWORD_CHARS + " characters; write only the password on it");
                }
                line.append((char) c);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UsageException("--mqtt-password-file " + passwordFile + ": no such file");
        } catch (IOException e) {
            throw new UsageException("--mqtt-password-file " + passwordFile + ": cannot read it ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (line.length() == 0) {
            throw new UsageException("--mqtt-password-file " + passwordFile + " is empty: write the password on "
                    + "its first line");
        }
        return line.toString();
    }

    /** {@code problem} (a connection's) with the command line's names for what to check. */
    static String forCommandLine(String problem) {
        return MqttSettings.withLoginHint(problem,
                "check --mqtt-user and the password (--mqtt-password-file or $" + PASSWORD_VARIABLE + ")");
    }
}
