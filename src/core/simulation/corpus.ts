/** The bundled corpus of typical disclosures (corpus.json), parsed once at the boundary. */
import raw from "./corpus.json";
import { SimulationCorpus, type SimulationCase } from "./policy-simulation.ts";

export const SIMULATION_CASES: readonly SimulationCase[] = SimulationCorpus.parse(raw).cases;
