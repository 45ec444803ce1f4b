package org.chizu.counters;

import java.util.LinkedHashMap;
import java.util.Map;

import org.chizu.platform.Label;
import org.chizu.platform.problem.LabelledProblem;

/**
 * Why a counter request was refused, as problem+json with the reason in Japanese and English
 * ({@code message}) and what it concerns (the office, the service, the parameter …).
 */
public class CountersProblem extends LabelledProblem {

    private CountersProblem(int status, String type, String title, Label message, Map<String, Object> members) {
        super(status, type, title, message, members);
    }

    static CountersProblem unknownOffice(String office) {
        return new CountersProblem(404, "unknown-office", "Unknown office", new Label(
                "窓口「" + office + "」はありません。", "There is no office \"" + office + "\"."), Map.of("office", office));
    }

    static CountersProblem unknownService(String service) {
        return new CountersProblem(404, "unknown-service", "Unknown service", new Label(
                "手続き「" + service + "」はありません。", "There is no service \"" + service + "\"."), Map.of("service", service));
    }

    static CountersProblem unknownTicket() {
        return new CountersProblem(404, "unknown-ticket", "Unknown ticket", new Label(
                "この整理券はありません。", "There is no such ticket."), Map.of());
    }

    static CountersProblem notOffered(Office office, String service) {
        return new CountersProblem(422, "service-not-offered", "Service not offered here", new Label(
                office.name().ja() + "では「" + service + "」を扱っていません。",
                office.name().en() + " does not handle \"" + service + "\"."), Map.of("office", office.code(), "service", service));
    }

    static CountersProblem remoteNotAllowed(Office office) {
        return new CountersProblem(403, "remote-not-allowed", "Remote tickets not offered", new Label(
                office.name().ja() + "の整理券は窓口の発券機でお取りください。",
                "Tickets for " + office.name().en() + " are taken at the machine in the office."), Map.of("office", office.code()));
    }

    static CountersProblem closed(Office office, OfficeDay day) {
        Map<String, Object> members = new LinkedHashMap<>(Map.of("office", office.code(), "date", day.date().toString()));
        Label message;
        if (day.open()) {
            members.put("opens", day.hours().opens().toString());
            members.put("closes", day.hours().closes().toString());
            message = new Label("受付時間は " + day.hours().opens() + "〜" + day.hours().closes() + " です。",
                    "Tickets are taken from " + day.hours().opens() + " to " + day.hours().closes() + ".");
        } else {
            if (day.holiday() != null) {
                members.put("holiday", day.holiday());
            }
            message = new Label("本日は" + day.closed().ja() + "のため閉庁しています。",
                    "The office is closed today: " + day.closed().en() + ".");
        }
        return new CountersProblem(422, "office-closed", "Office closed", message, members);
    }

    static CountersProblem badChannel(String channel) {
        return new CountersProblem(400, "bad-channel", "Unknown channel", new Label(
                "channel は kiosk か remote です。", "channel is kiosk or remote, not \"" + channel + "\"."),
                Map.of("field", "channel"));
    }

    static CountersProblem badEmail(String email, String channel) {
        Label message = "remote".equals(channel)
                ? new Label("メールアドレス「" + email + "」が正しくありません。", "\"" + email + "\" is not an e-mail address.")
                : new Label("メールでのお知らせは、スマートフォンから取った整理券だけです。",
                        "Only a ticket taken from a phone (channel remote) can be followed by e-mail.");
        return new CountersProblem(400, "bad-email", "Bad e-mail address", message, Map.of("field", "email"));
    }

    public static CountersProblem missing(String field) {
        return new CountersProblem(400, "missing-field", "Missing field", new Label(
                "「" + field + "」を指定してください。", "The request needs \"" + field + "\"."), Map.of("field", field));
    }

    public static CountersProblem badPlace(String parameter, String why) {
        return new CountersProblem(400, "bad-place", "Bad place", new Label(
                parameter + " が正しくありません：" + why, parameter + " is not valid: " + why), Map.of("parameter", parameter));
    }

    public static CountersProblem badDate(String parameter, String text) {
        return new CountersProblem(400, "bad-date", "Bad date", new Label(
                parameter + " は 2027-01-04 のような日付です。", parameter + " is a date such as 2027-01-04, not \"" + text + "\"."),
                Map.of("parameter", parameter));
    }

    public static CountersProblem oneDestination() {
        return new CountersProblem(400, "one-destination", "Office or stop, not both", new Label(
                "行き先は office（窓口）か stop（移動窓口車の停車地）のどちらか一つを指定してください。",
                "Give one destination: office or stop (a stop of the counter van), not both."), Map.of("field", "stop"));
    }

    public static CountersProblem badStop(String text) {
        return new CountersProblem(400, "bad-stop", "Bad van stop", new Label(
                "stop は停車地の番号（数字）です：" + text, "stop is a van stop's number, not \"" + text + "\"."),
                Map.of("field", "stop"));
    }

    static CountersProblem noRoadNetwork() {
        return new CountersProblem(503, "no-road-network", "Road network not built yet", new Label(
                "道路網を準備しています。しばらくしてからもう一度お試しください。",
                "The road network is being built. Please try again shortly."), Map.of());
    }

    static CountersProblem unknownRoute(String route) {
        return new CountersProblem(404, "unknown-van-route", "Unknown van route", new Label(
                "移動窓口の路線「" + route + "」はありません。", "There is no van route \"" + route + "\"."), Map.of("route", route));
    }

    static CountersProblem unknownStop(long stop) {
        return new CountersProblem(404, "unknown-van-stop", "Unknown van stop", new Label(
                "移動窓口の停車地 " + stop + " はありません。", "There is no van stop " + stop + "."), Map.of("stop", stop));
    }

    static CountersProblem vanNotRunning(VanStop stop, OfficeDay day) {
        Map<String, Object> members = new LinkedHashMap<>(Map.of("stop", stop.id(), "date", day.date().toString()));
        if (day.holiday() != null) {
            members.put("holiday", day.holiday());
        }
        return new CountersProblem(422, "van-not-running", "The van does not run that day", new Label(
                day.date() + " は" + day.closed().ja() + "のため移動窓口車は運休です。",
                "The counter van does not run on " + day.date() + ": " + day.closed().en() + "."), members);
    }

    /** A route or stop that cannot be saved as sent: which field, and why in both languages. */
    static CountersProblem badVanField(String field, Label why) {
        return new CountersProblem(422, "bad-van-field", "Van route or stop not valid", new Label(
                field + "：" + why.ja(), field + ": " + why.en()), Map.of("field", field));
    }
}
