package org.chizu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The public URL setting: a site's root over http(s), or nothing (an empty CHIZU_PUBLIC_URL). */
class PublicAddressPropertiesTest {

    @Test
    void anEmptySettingMeansNone() {
        assertThat(new PublicAddressProperties(URI.create(""), false, null).publicUrl()).isNull();
        assertThat(new PublicAddressProperties(null, false, null).allowedHosts()).isEmpty();
    }

    @Test
    void anHttpsRootMakesCookiesSecure() {
        assertThat(new PublicAddressProperties(URI.create("https://chizu.town.lg.jp/"), false, List.of()).publicUrlIsHttps()).isTrue();
        assertThat(new PublicAddressProperties(URI.create("http://192.168.1.5:8080"), false, List.of()).publicUrlIsHttps()).isFalse();
    }

    @Test
    void aRelativeUrlAnotherSchemeOrAPathIsRefusedNamingTheSetting() {
        for (String wrong : List.of("chizu.town.lg.jp", "ftp://chizu.town.lg.jp", "https://town.lg.jp/chizu/")) {
            assertThatThrownBy(() -> new PublicAddressProperties(URI.create(wrong), false, List.of()))
                    .as(wrong).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chizu.public-url");
        }
    }
}
