package org.chizu.sensors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chizu's password hashes and Mosquitto's own tool's are the same kind: each checks the other's. */
class MosquittoPasswordHashTest {

    @Test
    void aHashFromMosquittoPasswdMatchesItsPasswordOnly(@TempDir Path directory) throws Exception {
        Path passwd = directory.resolve("passwd");
        Process tool = new ProcessBuilder("mosquitto_passwd", "-c", "-b", passwd.toString(), "chizu", "川の水位 2.4m").inheritIO().start();
        assertThat(tool.waitFor()).isZero();
        String hash = Files.readString(passwd).strip().substring("chizu:".length());

        assertThat(MosquittoPasswordHash.matches(hash, "川の水位 2.4m")).isTrue();
        assertThat(MosquittoPasswordHash.matches(hash, "川の水位 2.5m")).isFalse();
    }

    @Test
    void aHashMadeHereMatchesItsPasswordAndEachIsSaltedAfresh() {
        String first = MosquittoPasswordHash.of("token-1");

        assertThat(MosquittoPasswordHash.matches(first, "token-1")).isTrue();
        assertThat(MosquittoPasswordHash.matches(first, "token-2")).isFalse();
        assertThat(MosquittoPasswordHash.of("token-1")).isNotEqualTo(first);
        assertThat(MosquittoPasswordHash.matches("not a hash", "token-1")).isFalse();
    }
}
