#!/usr/bin/env python3
"""Writes the hand-made seed inputs of each fuzz target (run from anywhere).

fuzz_msgpack / fuzz_json_state inputs are one selector byte (the schema type
of fuzz_schemas.h: 0 flat, 1 nested, 2 dynamic, 3 collection) followed by
the encoded value. fuzz_api_key inputs are encoded API keys (made-up
secrets). fuzz_token_request inputs are described in its source file.
"""
import base64
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


# A minimal msgpack writer (only what the seeds need).
class Ext:
    def __init__(self, code, data):
        self.code, self.data = code, data


def mp(v):
    if v is None:
        return b"\xc0"
    if v is True:
        return b"\xc3"
    if v is False:
        return b"\xc2"
    if isinstance(v, Ext):
        n = len(v.data)
        fixed = {1: 0xD4, 2: 0xD5, 4: 0xD6, 8: 0xD7, 16: 0xD8}
        if n in fixed:
            return bytes([fixed[n], v.code]) + v.data
        return bytes([0xC7, n, v.code]) + v.data
    if isinstance(v, int):
        if 0 <= v < 128:
            return bytes([v])
        if -32 <= v < 0:
            return struct.pack("b", v)
        if 0 <= v < 2**64:
            return b"\xcf" + struct.pack(">Q", v)
        return b"\xd3" + struct.pack(">q", v)
    if isinstance(v, float):
        return b"\xcb" + struct.pack(">d", v)
    if isinstance(v, bytes):
        return bytes([0xC4, len(v)]) + v
    if isinstance(v, str):
        b = v.encode()
        if len(b) < 32:
            return bytes([0xA0 | len(b)]) + b
        return bytes([0xD9, len(b)]) + b
    if isinstance(v, list):
        return bytes([0x90 | len(v)]) + b"".join(mp(e) for e in v)
    if isinstance(v, dict):
        return bytes([0x80 | len(v)]) + b"".join(
            mp(k) + mp(e) for k, e in v.items())
    raise TypeError(type(v))


def dyn(type_json, value):
    return [json.dumps(type_json, separators=(",", ":")).encode(), value]


UNKNOWN = Ext(0, b"\x00")
NOT_NULL_STRING = Ext(12, mp({1: False}))
PREFIXED = Ext(12, mp({1: False, 2: "https://"}))
BOUNDED = Ext(12, mp({3: [0, True], 4: [100, False]}))
LENGTH = Ext(12, mp({5: 1, 6: 3}))


def flat(**over):
    v = {"id": "k-1", "name": "alpha", "count": 3, "enabled": True,
         "redirect_uris": ["https://a", "https://b"], "scopes": ["all"],
         "ports": [80, 443], "tags": {"env": "dev"},
         "any": dyn(["list", "string"], ["x", "y"]), "secret": "s3cr3t-s3cr3t"}
    v.update(over)
    return v


def nested(**over):
    v = {"id": "n-1", "pair": ["p", 2**64 - 1],
         "matrix": [[1, 2.5], [], ["0.1"]],
         "labels": {"team": ["a", "b"]},
         "obj": {"a": "z", "b": [True, False], "c": dyn("number", 7)},
         "password": None,
         "rule": [{"name": "r1", "weight": -4, "tags": {}}],
         "single": {"x": 1.5, "y": dyn(["object", {"q": "bool"}], {"q": True}),
                    "member": [{"name": "m"}]},
         "member_set": [{"name": "s"}]}
    v.update(over)
    return v


def collection():
    return {"a": [{"k": "x", "v": dyn("string", "s"), "n": [1, 2]}],
            "b": []}


MSGPACK_SEEDS = {
    "flat_known": b"\x00" + mp(flat()),
    "flat_unknowns": b"\x00" + mp(flat(id=UNKNOWN, secret=NOT_NULL_STRING,
                                       count=BOUNDED, scopes=LENGTH,
                                       name=PREFIXED, any=UNKNOWN)),
    "flat_numbers": b"\x00" + mp(flat(count="123456789012345678901234567890",
                                      ports=[0.5, 2**63, -1, "1e3"])),
    "flat_nulls": b"\x00" + mp(flat(count=None, tags=None, any=None,
                                    redirect_uris=None)),
    "null": b"\x00\xc0",
    "nested": b"\x01" + mp(nested()),
    "nested_no_single": b"\x01" + mp(nested(single=None, rule=[],
                                            member_set=[])),
    "dynamic_string": b"\x02" + mp(dyn("string", "hello")),
    "dynamic_tuple": b"\x02" + mp(dyn(["tuple", ["string", ["set", "number"]]],
                                      ["t", [1, 2, 3]])),
    "dynamic_map": b"\x02" + mp(dyn(["map", "bool"], {"a": True})),
    "collection": b"\x03" + mp(collection()),
}


def js(v):
    return json.dumps(v, separators=(",", ":")).encode()


def jdyn(type_json, value):
    return {"value": value, "type": type_json}


FLAT_JSON = {"id": "k-1", "name": "alpha", "count": 3, "enabled": True,
             "redirect_uris": ["https://a"], "scopes": ["all", "read"],
             "ports": [80], "tags": {"env": "dev"},
             "any": jdyn(["list", "string"], ["x"]), "secret": "s3cr3t-s3cr3t"}
NESTED_JSON = {"id": "n-1", "pair": ["p", 18446744073709551615],
               "matrix": [[1, 2.5]], "labels": {"t": ["a"]},
               "obj": {"a": "z", "b": [True], "c": jdyn("number", 7)},
               "password": None, "rule": [{"name": "r", "weight": 1,
                                          "tags": {"k": "v"}}],
               "single": {"x": 0.1, "y": jdyn("string", "s"),
                          "member": [{"name": "m"}]},
               "member_set": [{"name": "s"}]}

JSON_SEEDS = {
    "flat": b"\x00" + js(FLAT_JSON),
    "flat_pretty": b"\x00" + json.dumps(FLAT_JSON, indent=2).encode(),
    # (Integers beyond uint64 are in regressions/: the lenient upgrade
    # rounds them through double.)
    "flat_partial": b"\x00" + b'{"name":"a","count":-12345.678e-2}',
    "flat_legacy_key": b"\x00" + b'{"name":"a","legacy":{"x":[1]}}',
    "flat_empty": b"\x00",
    "nested": b"\x01" + js(NESTED_JSON),
    "nested_dropped": b"\x01" + b'{"rule":[{"name":"r","old":1}],"gone":true,'
                                b'"single":{"x":1e3,"member":[{"name":"m","z":0}]}}',
    "dynamic": b"\x02" + js(jdyn(["object", {"a": ["list", "number"]}],
                                 {"a": [1, -2.5e-3]})),
    "collection": b"\x03" + js({"a": [{"k": "x", "v": jdyn("bool", False),
                                       "n": [1]}]}),
}


def key(text):
    return base64.b64encode(text.encode())


API_KEY_SEEDS = {
    "simple": key("acme.union.ai:ci-pipeline-1:abcdefghijklmnop:None"),
    "port": key("localhost:8089:my-client:s3cr3t-value-123:myorg"),
    "dns": key("dns:///host.example:443:id:secretsecret:"),
    "https": key("https://acme.union.ai:app:0123456789abcdef:org"),
    "ipv6": key("[::1]:8089:client:0123456789:None"),
    "urlsafe": base64.urlsafe_b64encode(b"h:\xfb\xff:secret-secret:o"),
    "unpadded": key("a:b:c-secret-1234:d").rstrip(b"="),
    "three_fields": key("a:b:secret-secret"),
    "not_base64": b"this is not base64!",
    "spaces": b"  " + key("e:i:ssssssssss:o") + b"\n",
}

FORM = b"application/x-www-form-urlencoded"
TOKEN_SEEDS = {
    # <Content-Type>\n<Authorization | - | b64:plain>\n<body>
    "basic_ok": FORM + b"\nb64:fuzz-client:fuzzSecret0123456789\n"
                       b"grant_type=client_credentials&scope=all",
    "basic_raw": FORM + b"\nBasic " + base64.b64encode(
        b"fuzz-client:fuzzSecret0123456789") + b"\ngrant_type=client_credentials",
    "post_ok": FORM + b"\n-\ngrant_type=client_credentials&client_id=fuzz-client"
                      b"&client_secret=fuzzSecret0123456789&audience=a",
    "encoded": FORM + b"; charset=utf-8\nb64:fuzz%2Dclient:fuzz%53ecret0123456789"
                      b"\ngrant_type=client_credentials&scope=a+b",
    "wrong_secret": FORM + b"\nb64:fuzz-client:nope\ngrant_type=client_credentials",
    "no_grant": FORM + b"\nb64:fuzz-client:fuzzSecret0123456789\n",
    "bad_grant": FORM + b"\nb64:fuzz-client:fuzzSecret0123456789\ngrant_type=password",
    "both": FORM + b"\nb64:fuzz-client:x\nclient_secret=y&client_id=z",
    "json": b"application/json\n-\n{}",
    "bearer": FORM + b"\nBearer abc\ngrant_type=client_credentials",
}


def write(target, seeds):
    d = os.path.join(HERE, target)
    os.makedirs(d, exist_ok=True)
    for name, data in seeds.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    write("fuzz_msgpack", MSGPACK_SEEDS)
    write("fuzz_json_state", JSON_SEEDS)
    write("fuzz_api_key", API_KEY_SEEDS)
    write("fuzz_token_request", TOKEN_SEEDS)
