package org.chizu.gis.municipalities;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.platform.Label;
import org.chizu.platform.problem.ProblemException;

/** A municipality that cannot be added as given: a malformed code, or a boundary file that does not hold it. */
public final class MunicipalityProblem extends ProblemException {

    /** How many of a file's codes a refusal lists. */
    static final int CODES_LISTED = 10;

    private final Map<String, Object> members;

    /** @param japanese the detail in Japanese, given beside the English one as {@code message} */
    private MunicipalityProblem(int status, String type, String title, String detail, String japanese, Map<String, Object> members) {
        super(status, type, title, detail);
        Map<String, Object> all = new LinkedHashMap<>(members);
        all.put("message", new Label(japanese, detail));
        this.members = Map.copyOf(all);
    }

    static MunicipalityProblem notACode(String given) {
        return new MunicipalityProblem(400, "invalid-municipality-code", "Not a local government code",
                "'" + given + "' is not a municipality's local government code (全国地方公共団体コード): "
                        + "give its five digits, or six with the check digit, such as 32203 or 322032 for 出雲市",
                "「" + given + "」は全国地方公共団体コードではありません。5桁か、検査数字付きの6桁で指定してください（例: 出雲市は 32203 または 322032）。",
                Map.of("code", String.valueOf(given)));
    }

    static MunicipalityProblem wrongCheckDigit(String given, String right) {
        return new MunicipalityProblem(400, "invalid-municipality-code", "Wrong check digit",
                "the check digit of " + given + " is wrong: the code " + given.substring(0, 5) + " with its check digit is " + right,
                given + " の検査数字が違います。" + given.substring(0, 5) + " の検査数字付きのコードは " + right + " です。",
                Map.of("code", given, "expected", right));
    }

    static MunicipalityProblem notInFile(String code, String fileName, List<String> codesInFile, int codeCount) {
        String listed = String.join(", ", codesInFile.subList(0, Math.min(CODES_LISTED, codesInFile.size())));
        return new MunicipalityProblem(422, "municipality-not-in-file", "The municipality is not in the file",
                fileName + " holds no boundary with N03_007 = " + code + "; its " + codeCount + " code"
                        + (codeCount == 1 ? "" : "s") + (codeCount > CODES_LISTED ? ", the first " + CODES_LISTED : "")
                        + ": " + listed,
                fileName + " には N03_007 が " + code + " の境界がありません。ファイルにあるコード（" + codeCount + "件）: " + listed,
                Map.of("code", code, "codesInFile", codesInFile.subList(0, Math.min(CODES_LISTED, codesInFile.size())),
                        "codeCount", codeCount));
    }

    static MunicipalityProblem notN03(String fileName, List<String> columns) {
        return new MunicipalityProblem(422, "not-an-n03-file", "Not an N03 administrative-boundary file",
                fileName + " is not a 国土数値情報 administrative-boundary (N03) file: it has no column N03_007 "
                        + "(the municipality's code); its columns: " + (columns.isEmpty() ? "none" : String.join(", ", columns)),
                fileName + " は国土数値情報の行政区域データ（N03）ではありません（列 N03_007 がありません）。ファイルの列: "
                        + (columns.isEmpty() ? "なし" : String.join(", ", columns)),
                Map.of("columns", columns));
    }

    @Override
    public Map<String, Object> members() {
        return members;
    }
}
