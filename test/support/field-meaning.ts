// Classification reads fields with the reader's labels (src/detect/field-meaning.ts): unit tests run with the reader built in, as every context but content.js does.
import "../../src/detect/reader.ts";
