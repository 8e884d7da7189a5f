package no.kraft.cis.api.problem;

import no.kraft.cis.problem.ProblemJson;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What reaches the servlet container's error page — a request the firewall refused ({@code //}, {@code ;jsessionid=},
 * encoded dots), a status set outside any controller — answers RFC 9457 problem+json with {@code instance}, like every
 * other error, instead of Boot's default body or an HTML page. Never the exception or its message.
 */
@io.swagger.v3.oas.annotations.Hidden   // the container's error page, not an operation of the API
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, status == HttpStatus.BAD_REQUEST
                ? "the request's path or form is not accepted; nothing was changed" : status.getReasonPhrase());
        body.setTitle(status.getReasonPhrase());
        body.setInstance(URI.create(uri instanceof String s ? ProblemJson.instance(s) : "/"));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
