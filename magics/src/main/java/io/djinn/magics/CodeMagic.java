package io.djinn.magics;

/** Base of magics whose options are followed by code: keeps the code the registry hands over. */
public abstract class CodeMagic implements TakesCode {

    /** The text after the options, untouched; "" when there is none. */
    protected String code = "";

    @Override
    public final void code(String code) {
        this.code = code;
    }
}
