package io.cogentx.plugins.loader.text;

import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.contract.DocumentLoaderContract;
import io.cogentx.spi.contract.Loads;
import java.nio.charset.StandardCharsets;

class TextLoaderContractTest extends DocumentLoaderContract {

  @Override
  protected DocumentLoaderProvider provider() {
    return new TextLoaderProvider();
  }

  @Override
  protected LoadRequest sample() {
    String text =
        "Shipping notes\n\nThe supply boat arrives every Tuesday at the north pier.\n\n"
            + "Fuel is rationed in winter.\n\nThe harbour master keeps the logbook.\n";
    return Loads.request(text.getBytes(StandardCharsets.UTF_8), "notes.txt", "text/plain");
  }

  @Override
  protected String samplePhrase() {
    return "The supply boat arrives every Tuesday";
  }
}
