package io.cogentx.plugins.loader.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tables in the sample PDFs come out as rows on one line, cells separated by " | ". */
class TableRowsTest {

  @Test
  void warnReportRowKeepsCompanyCityEmployeesAndType() throws Exception {
    String page1 = SamplePdfs.load("WARN-Report-for-7-1-2015-to-03-25-2016.pdf").page(1);
    assertThat(page1.lines())
        .contains(
            "06/22/2015 | 03/25/2016 | 07/01/2015 | Maxim Integrated Product | San Jose | 150 |"
                + " Closure Permanent");
  }

  @Test
  void nicsRowKeepsEachStateWithItsNumbers() throws Exception {
    String text = SamplePdfs.load("nics-background-checks-2015-11.pdf").text();
    assertThat(text.lines())
        .anyMatch(line -> line.startsWith("Alabama | 18,870 | 23,022 | 22,650 | 859 | 1,178 |"))
        .anyMatch(line -> line.startsWith("State / Territory | Permit | Handgun | Long Gun |"));
  }

  @Test
  void senateExpenditureRowKeepsDocumentPayeeAndAmount() throws Exception {
    String text = SamplePdfs.load("senate-expenditures.pdf").text();
    assertThat(text.lines())
        .contains(
            "DHAW20190001 | 05/03/2019 | CITIBANK - TRAVEL CBA CARD | 03/04/2019 | 03/06/2019 |"
                + " STAFF TRANSPORTATION | 920.68");
  }

  @Test
  void irsCreditTableRowsStayWhole() throws Exception {
    String page54 = SamplePdfs.load("irs-i1040gi-2018.pdf").page(54);
    assertThat(page54.lines())
        .anyMatch(line -> line.startsWith("5,600 | 5,650 | 430 | 1,913 | 2,250 | 2,531 |"));
  }
}
