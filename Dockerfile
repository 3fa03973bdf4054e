# The app in a container: python:3.11 on Debian 12 (slim), the pinned requirements.txt,
# a non-root user, and Streamlit headless on 0.0.0.0:8501.
#   docker build -t peace-proposals .
#   docker run --rm -p 8501:8501 peace-proposals        # then open http://localhost:8501
# Several replicas behind nginx: deploy/compose.yaml (see docs/deploy.md).
# The tag pins Python 3.11 and Debian 12; pin a digest (python:3.11-slim-bookworm@sha256:…)
# for byte-identical rebuilds.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false

# The user the app runs as; it owns nothing in /app, so the code and data are read-only to it.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /home/app --create-home --shell /usr/sbin/nologin app

WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt

COPY . .

USER 10001:10001
EXPOSE 8501

# /_stcore/health answers "ok" once the server is up (slim has no curl: Python's urllib).
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"]

CMD ["python", "-m", "streamlit", "run", "app.py", "--server.headless=true", "--server.address=0.0.0.0", "--server.port=8501"]
