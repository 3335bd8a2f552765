package io.djinn.runtime.device;

import io.djinn.api.Displayable;
import io.djinn.api.MimeBundle;
import io.djinn.runtime.render.ReportTable;

/** A report drawn as a {@link ReportTable}: HTML in notebooks, aligned text elsewhere. */
interface TableReport extends Displayable {

    ReportTable table();

    @Override
    default MimeBundle toMimeBundle() {
        return table().toMimeBundle();
    }
}
