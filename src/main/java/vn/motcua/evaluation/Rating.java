package vn.motcua.evaluation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the applicant fills in on the evaluation form. */
public record Rating(
        @NotNull Satisfaction overall,
        @NotNull Satisfaction timeliness,
        @NotNull Satisfaction staffAttitude,
        @NotNull Satisfaction informationClarity,
        @NotNull @Min(1) @Max(20) Integer contactsNeeded,
        @Size(max = 2000) String comment) {
}
