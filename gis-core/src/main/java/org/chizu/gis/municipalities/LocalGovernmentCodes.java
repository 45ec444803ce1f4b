package org.chizu.gis.municipalities;

import java.util.List;

/**
 * 全国地方公共団体コード: the five-digit code of a prefecture or municipality (JIS X 0401/0402) and
 * the six-digit form with the 総務省 check digit, as standard datasets and 国土数値情報 write them.
 */
public final class LocalGovernmentCodes {

    /** 都道府県, indexed by the code's first two digits minus one (JIS X 0401). */
    private static final List<String> PREFECTURES = List.of(
            "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
            "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
            "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
            "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
            "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県");

    private LocalGovernmentCodes() {
    }

    /**
     * The six-digit code: the five digits and a check digit, (11 − Σ dᵢ·(6−i) mod 11) mod 10
     * ("32204" → "322041", "13101" → "131016").
     *
     * @throws IllegalArgumentException for anything but five digits
     */
    public static String withCheckDigit(String fiveDigits) {
        if (fiveDigits == null || !fiveDigits.matches("[0-9]{5}")) {
            throw new IllegalArgumentException("a local government code has five digits, not '" + fiveDigits + "'");
        }
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (fiveDigits.charAt(i) - '0') * (6 - i);
        }
        return fiveDigits + (11 - sum % 11) % 10;
    }

    /**
     * The five-digit code of a municipality given in either form: five digits, or six whose last is
     * the right check digit ("322041" → "32204").
     *
     * @throws MunicipalityProblem for anything else, and for a wrong check digit naming the right one
     */
    public static String fiveDigits(String given) {
        String code = given == null ? "" : given.strip();
        if (!code.matches("[0-9]{5,6}")) {
            throw MunicipalityProblem.notACode(given);
        }
        prefecture(code.substring(0, 5));
        if (code.length() == 6 && !withCheckDigit(code.substring(0, 5)).equals(code)) {
            throw MunicipalityProblem.wrongCheckDigit(code, withCheckDigit(code.substring(0, 5)));
        }
        return code.substring(0, 5);
    }

    /**
     * The prefecture of a code ("32204" → "島根県").
     *
     * @throws MunicipalityProblem when its first two digits name no prefecture
     */
    public static String prefecture(String code) {
        int number = Integer.parseInt(code.substring(0, 2));
        if (number < 1 || number > PREFECTURES.size()) {
            throw MunicipalityProblem.notACode(code);
        }
        return PREFECTURES.get(number - 1);
    }
}
