package no.kraft.cis.consent.standin;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The customer's side of the stand-ins, for a local demo: what a customer does on Signicat's signing page (sign the
 * consent with BankID, or refuse) and on Elhub's pages (accept or reject a consent request). A plain HTML page at
 * {@code /standin/customer/} lists what waits; each button posts a form. The same paths answer {@code curl -X POST}.
 * A real customer gets the signature URL by e-mail or SMS; the stand-in's signature URL points here.
 */
final class CustomerPages {

    static final String PATH = "/standin/customer";

    private final SignicatStandIn signicat;
    private final ElhubAccessStandIn elhub;
    private final java.util.function.Consumer<String> sessionFinished;

    /** @param sessionFinished told of a session signed or refused (sends Signicat's webhook) */
    CustomerPages(SignicatStandIn signicat, ElhubAccessStandIn elhub, java.util.function.Consumer<String> sessionFinished) {
        this.signicat = signicat;
        this.elhub = elhub;
        this.sessionFinished = sessionFinished;
    }

    StandInHttp.Answer handle(StandInHttp.Request r) {
        List<String> parts = Arrays.stream(r.path().substring(PATH.length()).split("/")).filter(s -> !s.isEmpty()).toList();
        String route = r.method() + " " + String.join("/", parts.stream().map(p -> p.matches("[A-Za-z0-9-]{1,64}") ? p : "?").toList());
        if (r.method().equals("GET") && parts.isEmpty()) {
            return page(list());
        }
        if (parts.size() == 2 && parts.get(0).equals("signing-sessions") && r.method().equals("GET")) {
            return signingPage(parts.get(1));
        }
        if (parts.size() == 3 && r.method().equals("POST")) {
            String id = parts.get(1);
            String action = parts.get(2);
            return switch (parts.get(0) + " " + action) {
                case "signing-sessions sign", "signing-sessions reject" -> {
                    String state = signicat.state(id);
                    if (state == null) {
                        yield text(404, "no signing session " + id);
                    }
                    if (!"READY".equals(state)) {
                        yield text(409, "the signing session is " + state + " already");
                    }
                    if (action.equals("sign")) {
                        signicat.sign(id);
                    } else {
                        signicat.reject(id);
                    }
                    sessionFinished.accept(id);
                    yield done();
                }
                case "authorization-requests approve", "authorization-requests reject" -> {
                    String status = elhub.requestStatus(id);
                    if (status == null) {
                        yield text(404, "no authorization request " + id);
                    }
                    if (!"Pending".equals(status)) {
                        yield text(409, "the authorization request is " + status + " already");
                    }
                    if (action.equals("approve")) {
                        elhub.approve(id);
                    } else {
                        elhub.rejectRequest(id);
                    }
                    yield done();
                }
                default -> text(404, "no such page: " + route);
            };
        }
        return text(404, "no such page: " + route);
    }

    private String list() {
        StringBuilder html = new StringBuilder("<h1>Stand-in: the customer's side</h1>");
        html.append("<h2>Signicat: consents to sign with BankID</h2>");
        List<SignicatStandIn.Pending> sessions = signicat.pending();
        if (sessions.isEmpty()) {
            html.append("<p>Nothing waits for a signature.</p>");
        }
        for (SignicatStandIn.Pending s : sessions) {
            html.append("<section><p>Session ").append(escape(s.id())).append(" (order ").append(escape(String.valueOf(s.externalReference())))
                    .append("), signer born ").append(escape(s.signerBirthDate())).append(", due ").append(s.dueDate()).append("</p>")
                    .append(form("signing-sessions/" + s.id() + "/sign", "Signer med BankID"))
                    .append(form("signing-sessions/" + s.id() + "/reject", "Avvis")).append("</section>");
        }
        html.append("<h2>Elhub: consent requests</h2>");
        List<String> requests = elhub.pendingRequests();
        if (requests.isEmpty()) {
            html.append("<p>No consent request waits.</p>");
        }
        for (String id : requests) {
            html.append("<section><p>Request ").append(escape(id)).append("</p>")
                    .append(form("authorization-requests/" + id + "/approve", "Godta"))
                    .append(form("authorization-requests/" + id + "/reject", "Avvis")).append("</section>");
        }
        return html.toString();
    }

    private StandInHttp.Answer signingPage(String id) {
        String state = signicat.state(id);
        if (state == null) {
            return text(404, "no signing session " + id);
        }
        if (!"READY".equals(state)) {
            return page("<h1>Signering</h1><p>This signing session is " + escape(state) + ".</p>");
        }
        return page("<h1>Signer samtykket</h1><p>Stand-in for Signicat's signing page: signing adds a signature to the document.</p>"
                + form("signing-sessions/" + id + "/sign", "Signer med BankID") + form("signing-sessions/" + id + "/reject", "Avvis"));
    }

    private static String form(String path, String label) {
        return "<form method=\"post\" action=\"" + PATH + "/" + escape(path) + "\"><button type=\"submit\">" + escape(label)
                + "</button></form>";
    }

    private static StandInHttp.Answer done() {
        return new StandInHttp.Answer(303, null, new byte[0], Map.of("Location", PATH + "/"));
    }

    private static StandInHttp.Answer page(String body) {
        String html = "<!doctype html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>Stand-in</title></head><body>" + body
                + "<p><a href=\"" + PATH + "/\">Alt som venter</a></p></body></html>";
        return new StandInHttp.Answer(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static StandInHttp.Answer text(int status, String message) {
        return new StandInHttp.Answer(status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
