package org.chizu.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password a person chooses must be: at least {@value #MIN_LENGTH} characters, not one of the
 * very common passwords in {@code accounts/common-passwords.txt}, and not the e-mail address itself.
 * Length matters more than mixing character kinds, so no such rule is imposed (NIST SP 800-63B).
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    /** bcrypt reads only the first 72 bytes; a longer password would silently count for less. */
    public static final int MAX_BYTES = 72;

    private final Set<String> common;

    public PasswordPolicy() {
        try {
            common = new ClassPathResource("accounts/common-passwords.txt").getContentAsString(StandardCharsets.UTF_8)
                    .lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("the list of common passwords is missing", e);
        }
    }

    /**
     * @throws AccountProblem saying in Japanese and English what is wrong with the password
     */
    public void check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw AccountProblem.badInput("パスワードは" + MIN_LENGTH + "文字以上にしてください。",
                    "Use a password of at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw AccountProblem.badInput("パスワードが長すぎます（" + MAX_BYTES + "バイトまで）。",
                    "The password is too long (at most " + MAX_BYTES + " bytes).");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || (email != null && lower.equals(email.toLowerCase(Locale.ROOT)))) {
            throw AccountProblem.badInput("よく使われるパスワードは使えません。推測されにくいものにしてください。",
                    "This password is too common; choose one that is hard to guess.");
        }
    }
}
