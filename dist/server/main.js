/**
 * `npm start`: prepares the store and the app (src/server/startup.ts), listens, and closes
 * both on SIGINT or SIGTERM so no transaction is cut mid-way. A setting that is wrong, or
 * unsafe in production mode, ends it with the reason and exit code 1.
 */
import { configFromEnvironment } from "./settings.js";
import { prepareServer, startBanner } from "./startup.js";
let config;
let prepared;
try {
    config = configFromEnvironment(process.env);
    prepared = await prepareServer(config);
}
catch (error) {
    console.error(`OpenPBF cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
}
const { app, database } = prepared;
await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
console.log(startBanner(`${config.tls ? 'https' : 'http'}://${shownHost}:${port}`, config, prepared));
let closing = false;
async function shutdown(signal) {
    if (closing)
        return;
    closing = true;
    console.log(`${signal}: closing`);
    // A stuck connection must not keep the process alive forever.
    setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await database.close();
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
//# sourceMappingURL=main.js.map