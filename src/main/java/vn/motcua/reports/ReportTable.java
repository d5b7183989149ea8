package vn.motcua.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.motcua.audit.AuditCsv;

/**
 * A report as a table with Vietnamese headings, written as CSV or XLSX. Cells are text or numbers;
 * a number stays a number in the spreadsheet so that officers can sum and chart it.
 */
record ReportTable(String title, List<String> headings, List<List<Object>> rows) {

    /** CSV (RFC 4180, UTF-8 with a byte order mark); several tables follow each other, each under its title. */
    static String csv(List<ReportTable> tables) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        for (ReportTable table : tables) {
            if (tables.size() > 1) {
                if (csv.length() > 1) {
                    csv.append("\r\n");
                }
                csv.append(AuditCsv.cell(table.title)).append("\r\n");
            }
            csv.append(line(table.headings)).append("\r\n");
            for (List<Object> row : table.rows) {
                csv.append(line(row)).append("\r\n");
            }
        }
        return csv.toString();
    }

    /** XLSX, one sheet per table named after its title, the headings in bold and frozen. */
    static byte[] xlsx(List<ReportTable> tables) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (ReportTable table : tables) {
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title));
                Row heading = sheet.createRow(0);
                for (int c = 0; c < table.headings.size(); c++) {
                    Cell cell = heading.createCell(c);
                    cell.setCellValue(table.headings.get(c));
                    cell.setCellStyle(bold);
                }
                sheet.createFreezePane(0, 1);
                for (int r = 0; r < table.rows.size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> values = table.rows.get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Object value = values.get(c);
                        if (value instanceof Number number) {
                            row.createCell(c).setCellValue(number.doubleValue());
                        } else if (value != null) {
                            row.createCell(c).setCellValue(value.toString());
                        }
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(List<?> values) {
        return values.stream()
                .map(value -> value instanceof Number ? value.toString() : AuditCsv.cell(value == null ? null : value.toString()))
                .collect(Collectors.joining(","));
    }
}
