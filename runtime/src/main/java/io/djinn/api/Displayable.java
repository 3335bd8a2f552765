package io.djinn.api;

/** An object that knows how it looks in a notebook: Djinn's reports (%device, %gpu, %memory) are. */
public interface Displayable {

    MimeBundle toMimeBundle();
}
