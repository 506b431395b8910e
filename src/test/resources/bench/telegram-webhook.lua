-- wrk script for the webhook load test: POSTs Telegram Updates with unique update_ids over 1000 chats.
-- Usage (see WebhookBench): PEYK_BENCH_HEADER=<header secret> wrk -t2 -c16 -d20s --latency \
--   -s src/test/resources/bench/telegram-webhook.lua http://127.0.0.1:PORT/hook/telegram/<path secret>
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  -- ids unique per run and per thread: seconds-of-day * 1e9 + thread * 1e8 + counter
  base = (os.time() % 86400) * 1000000000 + id * 100000000
  header = os.getenv("PEYK_BENCH_HEADER") or ""
end

function request()
  counter = counter + 1
  local chat = counter % 1000 + 1
  local body = string.format('{"update_id":%d,"message":{"message_id":%d,"from":{"id":%d,"is_bot":false,'
    .. '"first_name":"Bench"},"chat":{"id":%d,"type":"private"},"date":1735000000,"text":"bench %d"}}',
    base + counter, counter, chat, chat, counter)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json",
    ["X-Telegram-Bot-Api-Secret-Token"] = header}, body)
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = (non200 or 0) + 1
  end
end
