"""A live class, as plain data and one thread-safe store (no Streamlit, nothing written to disk).

- `codes`: join codes (6 characters from a 32-character alphabet, `secrets`), teacher keys and their digests;
- `bounds`: the limits (rooms, students, answers, expiry 3 h) and the join rate limiter;
- `polls`: a poll's generated text (a quiz question, or "Where would you draw the line?" on an area's scale)
  and its anonymous tally;
- `room`: one room's state and the read-only snapshot (`RoomView`) every session reads;
- `store`: `RoomStore`, every room of one server process behind one lock.
"""
