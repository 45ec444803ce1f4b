package org.chizu.forestry.access;

import org.chizu.platform.Label;

/**
 * The terms a firm accepts when it applies. An application records the version it accepted, so a
 * change of terms is a new version and older applications keep what they agreed to.
 */
public final class ForestryTerms {

    public static final String VERSION = "2026-12";
    public static final Label TEXT = new Label("""
            航空レーザ計測データは申請した区域・目的（森林施業、作業道の計画など）にのみ利用し、第三者に提供しません。\
            測量成果の複製・使用には測量計画機関の承認（測量法）が必要で、承認番号は市が申請ごとに記録します。\
            成果を公表する際は出典（測量計画機関と本市）を明記します。ダウンロードはすべて記録されます。""", """
            Use the laser-survey data only for the area and purpose applied for (forest operations, planning \
            forest roads …) and do not pass it on. Copying or using survey results needs the surveying body's \
            approval under the Survey Act; the town records its reference for each application. Credit the \
            surveying body and the town when publishing results. Every download is logged.""");

    private ForestryTerms() {
    }
}
