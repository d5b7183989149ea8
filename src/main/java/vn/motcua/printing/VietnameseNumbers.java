package vn.motcua.printing;

import java.util.ArrayList;
import java.util.List;

/** Amounts in words, as receipts write them under the figures ("Bằng chữ: Một trăm nghìn đồng"). */
public final class VietnameseNumbers {

    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final String[] GROUPS = {"", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ"};

    private VietnameseNumbers() {
    }

    /** "Một trăm nghìn đồng", "Mười bốn nghìn đồng", "Một triệu không trăm linh năm nghìn đồng". */
    public static String dong(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("A negative amount: " + amount);
        }
        String words = amount == 0 ? DIGITS[0] : words(amount);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " đồng";
    }

    private static String words(long amount) {
        List<Integer> groups = new ArrayList<>();
        for (long rest = amount; rest > 0; rest /= 1000) {
            groups.add((int) (rest % 1000));
        }
        List<String> parts = new ArrayList<>();
        for (int i = groups.size() - 1; i >= 0; i--) {
            int group = groups.get(i);
            if (group == 0) {
                continue;
            }
            // A group after a higher one is read in full: "một triệu không trăm linh năm nghìn".
            parts.add(three(group, i < groups.size() - 1) + (GROUPS[i].isEmpty() ? "" : " " + GROUPS[i]));
        }
        return String.join(" ", parts);
    }

    private static String three(int n, boolean full) {
        int hundreds = n / 100;
        int tens = n / 10 % 10;
        int units = n % 10;
        List<String> words = new ArrayList<>();
        if (full || hundreds > 0) {
            words.add(DIGITS[hundreds] + " trăm");
        }
        if (tens == 0) {
            if (units > 0) {
                words.add(words.isEmpty() ? DIGITS[units] : "linh " + DIGITS[units]);
            }
        } else if (tens == 1) {
            words.add("mười" + (units == 0 ? "" : units == 5 ? " lăm" : " " + DIGITS[units]));
        } else {
            words.add(DIGITS[tens] + " mươi" + switch (units) {
                case 0 -> "";
                case 1 -> " mốt";
                case 4 -> " tư";
                case 5 -> " lăm";
                default -> " " + DIGITS[units];
            });
        }
        return String.join(" ", words);
    }
}
