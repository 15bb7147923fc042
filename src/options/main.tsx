// PLACEHOLDER written by the build foundation so the page builds; its owner replaces it.
import { render } from "preact";

render(<main><h1>ShareCheck options</h1></main>, document.getElementById("app")!);
