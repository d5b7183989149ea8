package vn.motcua.notify;

import java.util.List;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/notifications")
@Validated
@Tag(name = "Notifications", description = "What was sent to whom about a dossier")
class NotificationController {

    private final Notifier notifier;

    NotificationController(Notifier notifier) {
        this.notifier = notifier;
    }

    @GetMapping
    @Operation(summary = "The notifications about a dossier, oldest first (empty when there are none)")
    List<NotificationRecord> ofDossier(@RequestParam @NotBlank @Size(max = 64) String dossier) {
        return notifier.ofDossier(dossier);
    }
}
