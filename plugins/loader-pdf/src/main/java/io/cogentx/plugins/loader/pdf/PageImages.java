package io.cogentx.plugins.loader.pdf;

import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/** Whether a page draws images, the mark of a scan when it has no text. */
final class PageImages {

  private static final int MAX_FORM_DEPTH = 4;

  private PageImages() {}

  static boolean hasImages(PDPage page) {
    try {
      return hasImages(page.getResources(), 0);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean hasImages(PDResources resources, int depth) throws IOException {
    if (resources == null || depth > MAX_FORM_DEPTH) {
      return false;
    }
    for (COSName name : resources.getXObjectNames()) {
      if (resources.isImageXObject(name)) {
        return true;
      }
      PDXObject object = resources.getXObject(name);
      if (object instanceof PDFormXObject form && hasImages(form.getResources(), depth + 1)) {
        return true;
      }
    }
    return false;
  }
}
