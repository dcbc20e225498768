package org.palflow.cohorts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

/**
 * The cohort view as a file for a coordinator's spreadsheet: one row per candidate, the same columns in CSV and in
 * an Excel workbook. Rows are written as they are read, a page at a time, so a cohort of any size streams. A cell
 * a spreadsheet would run as a formula (it begins with =, +, - or @) is written as text.
 */
@Service
class CohortExport {

    static final List<String> COLUMNS = List.of("Candidate", "Name", "Registration", "Mentor", "Task 1", "Task 2",
            "Task 3", "Task 4", "Decision", "Average", "At risk");

    private final CohortView view;

    CohortExport(CohortView view) {
        this.view = view;
    }

    void csv(String program, String cohort, CohortView.Filter filter, CohortView.Sort sort, boolean descending,
            Writer out) throws IOException {
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(COLUMNS);
            view.forEachLine(program, cohort, filter, sort, descending, line -> {
                try {
                    printer.printRecord(cells(line).stream().map(CohortExport::inert).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    void workbook(String program, String cohort, CohortView.Filter filter, CohortView.Sort sort, boolean descending,
            OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet(program + " " + cohort);
            write(sheet.createRow(0), COLUMNS);
            int[] next = {1};
            view.forEachLine(program, cohort, filter, sort, descending,
                    line -> write(sheet.createRow(next[0]++), cells(line)));
            workbook.write(out);
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int column = 0; column < cells.size(); column++) {
            // Always a string cell: POI never turns a string into a formula.
            row.createCell(column).setCellValue(cells.get(column));
        }
    }

    private static List<String> cells(CohortView.CandidateLine line) {
        List<String> cells = new ArrayList<>();
        cells.add(String.valueOf(line.candidateId()));
        cells.add(line.fullName());
        cells.add(line.registrationStatus());
        cells.add(line.mentor() == null ? "" : line.mentor());
        line.tasks().forEach(task -> cells.add(task.label()));
        cells.add(line.decision() == null ? "" : line.decision());
        cells.add(line.average() == null ? "" : line.average().toPlainString());
        cells.add(String.join("; ", line.atRisk()));
        return cells;
    }

    /** A CSV cell a spreadsheet would evaluate gets a leading apostrophe, which spreadsheets read as "text". */
    static String inert(String cell) {
        return !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
