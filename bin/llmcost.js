#!/usr/bin/env node
import { runBinary } from "../dist/cli.js";

await runBinary();
