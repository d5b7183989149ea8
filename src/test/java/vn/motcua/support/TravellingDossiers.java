package vn.motcua.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The shipped travelling procedure {@code household_business_change}: received at a commune desk (the demo's
 * ward Phúc Xá), decided by its district (Ba Đình).
 */
public final class TravellingDossiers {

    public static final String PROCEDURE = "household_business_change";
    /** Phúc Xá, whose parent is the demo district {@link IntegrationTest#UNIT}. */
    public static final String COMMUNE = "000.01.01.H01";

    private TravellingDossiers() {
    }

    /** Values of the change form that pass every rule: a new business name. */
    public static Map<String, Object> change(String applicant) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("applicantName", applicant);
        values.put("applicantIdNumber", "001085012345");
        values.put("applicantPhone", "0912 345 678");
        values.put("applicantAddress", "3 Phố Phúc Xá, Ba Đình, Hà Nội");
        values.put("businessNumber", "01A8012345");
        values.put("businessName", "Hộ kinh doanh Hoa Sen");
        values.put("changeType", "NAME");
        values.put("changeDetails", "Hộ kinh doanh Hoa Sen Phúc Xá");
        values.put("ownershipType", "INDIVIDUAL");
        return values;
    }

    /** The one document an individual's change of name requires. */
    public static MultiValueMap<String, Object> documents() {
        MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("changeNotice", IntegrationTest.file("thong-bao-thay-doi.pdf",
                TestFiles.pdf("Thong bao thay doi noi dung dang ky")));
        return files;
    }
}
