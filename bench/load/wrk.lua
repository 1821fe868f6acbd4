-- wrk script for bench/load/run. LOAD_MODE chooses what each request is:
--   page     the URL as given, GET (no Lua per request, so wrk runs at full speed)
--   ask      POST /api/v1/questions, a different valid question and Idempotency-Key each time; counts answers other than 201
--   sign-in  POST /login with the form's CSRF token and cookie (LOAD_CSRF) and LOAD_EMAIL / LOAD_PASSWORD; counts answers other than 303
-- At the end it prints one line for the script to read:
--   result REQUESTS REQUESTS_PER_SECOND P50_MS P99_MS UNEXPECTED_STATUSES SOCKET_ERRORS

local mode = os.getenv("LOAD_MODE") or "page"
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

unexpected = 0

local function urlencode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

if mode == "ask" then
  local run = os.getenv("LOAD_RUN") or tostring(os.time())
  local count = 0
  local titles = { "How do I get my baby to nap?", "Why does my son cry every evening?", "Is it normal to feel this tired?",
                   "When will she sleep through the night?" }

  function request()
    count = count + 1
    local n = id .. "-" .. count
    local body = '{"title":"' .. titles[count % #titles + 1] .. ' (' .. n .. ')",'
      .. '"body":"My daughter is four months old and only naps in my arms for twenty minutes at a time. '
      .. 'I am so tired, and I wonder what other parents do. Question ' .. n .. '.",'
      .. '"first_name":"Maria","surname":"Lopez","age":29,"city":"Austin","country":"US","role":"mama",'
      .. '"language":"en","email":"maria' .. count % 50 .. '@example.com","consent":true,'
      .. '"children":[{"name":"Sofia","age_months":' .. count % 37 .. ',"sex":"girl"}]}'
    return wrk.format("POST", "/api/v1/questions",
      { ["Content-Type"] = "application/json", ["Idempotency-Key"] = "bench-load-" .. run .. "-" .. n }, body)
  end

  function response(status, headers, body)
    if status ~= 201 then unexpected = unexpected + 1 end
  end
elseif mode == "sign-in" then
  local csrf = os.getenv("LOAD_CSRF")
  wrk.method = "POST"
  wrk.path = "/login"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = "dearly_csrf=" .. csrf
  wrk.body = "_csrf=" .. urlencode(csrf) .. "&next=%2Fdesk&email=" .. urlencode(os.getenv("LOAD_EMAIL"))
    .. "&password=" .. urlencode(os.getenv("LOAD_PASSWORD"))

  function response(status, headers, body)
    if status ~= 303 then unexpected = unexpected + 1 end
  end
end

function done(summary, latency, requests)
  local odd = 0
  for _, thread in ipairs(threads) do
    odd = odd + (thread:get("unexpected") or 0)
  end
  local e = summary.errors
  if mode == "page" then odd = e.status end
  io.write(string.format("result %d %.1f %.3f %.3f %d %d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    odd, e.connect + e.read + e.write + e.timeout))
end
