package io.mirrordrill.emulator.ontap.rest;

/** One endpoint: runs under the emulator's lock and answers with a status and a JSON body. */
@FunctionalInterface
interface Route {
    Reply handle(Call call);

    /** Where the route groups declare their endpoints; the server wires them to Javalin. */
    interface Table {
        void get(String path, Route route);

        void post(String path, Route route);

        void patch(String path, Route route);

        void delete(String path, Route route);
    }
}
