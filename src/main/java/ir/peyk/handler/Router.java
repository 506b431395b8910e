package ir.peyk.handler;

import ir.peyk.adapter.Context;
import ir.peyk.adapter.Middleware;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.store.Subscribers;

/**
 * Routes commands, questions, button presses and inline queries to their answers.
 *
 * <p>SKELETON: the adapter issue's handler part fills this in. Constructor signature is fixed: the run command uses it.
 */
public final class Router implements Middleware {
    private final AnswerEngine engine;
    private final Subscribers subscribers;

    public Router(AnswerEngine engine, Subscribers subscribers) {
        this.engine = engine;
        this.subscribers = subscribers;
    }

    @Override
    public void handle(Context ctx, Next next) throws Exception {
        next.run();
    }
}
