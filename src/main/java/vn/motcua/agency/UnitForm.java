package vn.motcua.agency;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A unit as an administrator enters it (JSON body, or one CSV line with the same column names).
 * Blank optional values count as none.
 */
@Schema(description = "A unit as an administrator enters it")
record UnitForm(
        @Schema(description = "Official unit code (Circular 10/2016 style); never changes once created", example = "000.00.00.H01")
        String code,
        @Schema(example = "Sở Tư pháp tỉnh Hà Nam") String name,
        @Schema(description = "COMMUNE, DISTRICT or PROVINCE: the level of the procedures it settles", example = "PROVINCE")
        String level,
        @Schema(description = "The unit above it in the province's tree, of the same or a higher level") String parentCode,
        String address,
        String phone,
        String email,
        @Schema(description = "Governing body printed above the unit's name", example = "ỦY BAN NHÂN DÂN TỈNH HÀ NAM")
        String letterheadSuperior,
        @Schema(description = "Place name of the date line of its documents", example = "Hà Nam")
        String letterheadPlace,
        @Schema(description = "Account number its fees are paid to") String payeeAccount,
        @Schema(description = "Its own office hours when they differ from the agency's", example = "07:00-11:00,13:00-16:30")
        String officeHours) {

    UnitForm {
        code = blankToNull(code);
        name = blankToNull(name);
        level = blankToNull(level);
        parentCode = blankToNull(parentCode);
        address = blankToNull(address);
        phone = blankToNull(phone);
        email = blankToNull(email);
        letterheadSuperior = blankToNull(letterheadSuperior);
        letterheadPlace = blankToNull(letterheadPlace);
        payeeAccount = blankToNull(payeeAccount);
        officeHours = blankToNull(officeHours);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
