package io.djinn.api.device;

import io.djinn.api.Displayable;
import io.djinn.api.MimeBundle;
import io.djinn.api.render.ReportTable;

/** A report drawn as a {@link ReportTable}: HTML in notebooks, aligned text elsewhere. */
interface TableReport extends Displayable {

    ReportTable table();

    @Override
    default MimeBundle toMimeBundle() {
        return table().toMimeBundle();
    }
}
