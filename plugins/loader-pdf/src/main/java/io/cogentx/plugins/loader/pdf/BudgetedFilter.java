package io.cogentx.plugins.loader.pdf;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.DecodeResult;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * One of PDFBox's stream filters (Flate, LZW, …) whose output is charged to the reading thread's
 * {@link DecodeBudget}. {@link #install()} puts one in front of each of PDFBox's filters; PDFBox
 * offers no limit of its own on what a stream decompresses to.
 */
final class BudgetedFilter extends Filter {

  private static final System.Logger LOG = System.getLogger(BudgetedFilter.class.getName());
  private static volatile boolean installed;

  private final Filter delegate;

  private BudgetedFilter(Filter delegate) {
    this.delegate = delegate;
  }

  /**
   * Wraps every filter PDFBox's {@link FilterFactory} hands out (once per class loader). PDFBox
   * keeps them in a private map, reached by reflection.
   *
   * @return whether the filters are budgeted
   */
  static synchronized boolean install() {
    if (installed) {
      return true;
    }
    try {
      Field field = FilterFactory.class.getDeclaredField("filters");
      field.setAccessible(true);
      @SuppressWarnings("unchecked")
      Map<COSName, Filter> filters = (Map<COSName, Filter>) field.get(FilterFactory.INSTANCE);
      filters.replaceAll((name, f) -> f instanceof BudgetedFilter ? f : new BudgetedFilter(f));
      installed = true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "PDF decompression is not budgeted (PDFBox's filter table is out of reach): " + e);
    }
    return installed;
  }

  @Override
  public DecodeResult decode(
      InputStream encoded, OutputStream decoded, COSDictionary parameters, int index)
      throws IOException {
    return delegate.decode(encoded, new Charged(decoded), parameters, index);
  }

  @Override
  public DecodeResult decode(
      InputStream encoded,
      OutputStream decoded,
      COSDictionary parameters,
      int index,
      DecodeOptions options)
      throws IOException {
    return delegate.decode(encoded, new Charged(decoded), parameters, index, options);
  }

  @Override
  protected void encode(InputStream input, OutputStream encoded, COSDictionary parameters)
      throws IOException {
    delegate.encode(input, encoded, parameters, 0);
  }

  /** Charges what passes through to the thread's budget before it is written. */
  private static final class Charged extends FilterOutputStream {
    Charged(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      DecodeBudget.charge(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      DecodeBudget.charge(len);
      out.write(b, off, len);
    }
  }
}
